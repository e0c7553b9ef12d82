"""What a publish did, in numbers: files sent, kept, deleted, unchanged; bytes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PublishSummary:
    """Counts of one publish (or rollback)."""

    release: str = ""
    uploaded: int = 0
    uploaded_bytes: int = 0
    unchanged: int = 0
    kept: int = 0
    deleted: int = 0
    # The paths sent (new or changed): the WebSub hub hears of the feeds among them.
    sent: list[str] = field(default_factory=list)
    # A rollback: `uploaded` counts the files put back.
    rolled_back: bool = False

    @property
    def changed(self) -> bool:
        """Return whether the publish changed what readers get."""
        return bool(self.uploaded or self.deleted or self.kept)

    def describe(self) -> str:
        """Return the line printed at the end of a publish."""
        if not self.release:
            return f"Nothing to publish: {self.unchanged} files are already online."
        if self.rolled_back:
            total = self.uploaded + self.unchanged
            put_back = f", {self.uploaded} of them put back" if self.uploaded else ""
            return (
                f"Readers get release {self.release} again ({total} files{put_back})."
            )
        return (
            f"Published release {self.release}: {self.uploaded} files sent "
            f"({self.uploaded_bytes / 1024:.0f} KB), {self.unchanged} unchanged, "
            f"{self.kept} old files kept for readers of old pages, "
            f"{self.deleted} deleted."
        )
