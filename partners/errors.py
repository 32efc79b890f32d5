"""The one exception the package raises for bad data, listing every problem found."""

from __future__ import annotations

from dataclasses import dataclass

from partners import words


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located as a data editor would look for it."""

    file: str
    line: int | None  # line in the file, 1 = header; None when the problem is the whole file
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataError(ValueError):
    """Raised when a data file cannot be loaded; carries every problem, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.column or ""))
        count = len(self.problems)
        head = f"{words.count(count, 'problem')} in the data:"
        super().__init__("\n".join([head, *(f"- {p}" for p in self.problems)]))
