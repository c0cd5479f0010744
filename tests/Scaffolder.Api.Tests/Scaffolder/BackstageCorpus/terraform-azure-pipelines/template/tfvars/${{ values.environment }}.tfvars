# environment ${{ values.position | int + 1 }} of the list
environment = "${{ values.environment }}"
location    = "${{ values.region }}"
replicas    = ${{ 3 if values.environment == 'prod' else 1 }}
