from flask import render_template_string

PAGE = "<p>{{ dev_excuse }}</p>"  # Jinja for Flask, not for the scaffolder
NAME = "${{ values.name }}"
