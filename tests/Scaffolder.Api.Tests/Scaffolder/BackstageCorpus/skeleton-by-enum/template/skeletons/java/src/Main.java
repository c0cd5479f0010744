class Main { String name = "${{ values.name }}"; }
