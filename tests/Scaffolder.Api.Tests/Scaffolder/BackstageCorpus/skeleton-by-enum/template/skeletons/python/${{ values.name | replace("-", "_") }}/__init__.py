__version__ = "0.1.0"
NAME = "${{ values.name }}"
