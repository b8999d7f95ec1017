"""Cuecraft: design staged customer experiences (Pine & Gilmore) and check them."""

__version__ = "0.1.0"
