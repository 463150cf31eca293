"""The process around the engine: settings, the one place that wires parts, logs, upkeep."""
