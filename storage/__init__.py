"""The database: tables, engine, data-access functions and migrations."""
