"""The guard's error hierarchy: what can go wrong, each with the one line a user reads."""


class GuardError(Exception):
    """Base of every error the guard reports to the user as one line."""

    exit_code = 1


class ConfigError(GuardError):
    """The config file is missing, unreadable or invalid; `problems` lists every finding."""

    exit_code = 2

    def __init__(self, path: object, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))


class PasswordError(GuardError):
    """No password could be found, or the password command failed."""


class ServerError(GuardError):
    """An IMAP or SMTP server could not be reached, refused the login or misbehaved."""


class LoginError(ServerError):
    """The server refused the username or password."""


class LedgerError(GuardError):
    """The ledger database cannot be opened, written or migrated."""


class LockedError(GuardError):
    """Another guard holds the ledger's lock."""

    exit_code = 3


class MessageError(GuardError):
    """A message file could not be read or parsed."""
