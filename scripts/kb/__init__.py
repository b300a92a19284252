"""Knowledge base on NATO and US military installations in Turkey: data, checks and pages."""

__version__ = "0.1.0"
