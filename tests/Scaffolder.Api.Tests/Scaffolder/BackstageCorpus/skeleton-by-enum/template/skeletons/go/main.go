package main

const name = "${{ values.name }}"
