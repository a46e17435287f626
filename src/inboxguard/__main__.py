"""`python -m inboxguard`: the same as the `guard` command."""

import sys

from .cli import main

sys.exit(main())
