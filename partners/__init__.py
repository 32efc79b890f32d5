"""Data logic of the atlas: loading, validation, joins, profiles, figures. No streamlit."""
