"""The test kit (tests/support) is a pytest plugin: its fixtures are those of every test."""

pytest_plugins = ["tests.support.plugin"]
