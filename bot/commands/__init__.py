"""The `carepath` subcommands, one module each, imported only when run."""
