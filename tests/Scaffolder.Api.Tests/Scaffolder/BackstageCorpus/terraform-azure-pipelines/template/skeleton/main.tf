terraform {
  required_version = ">= 1.6"
}

module "${{ values.module_name }}" {
  source   = "./modules/${{ values.module_name }}"
  location = var.location
  tags     = merge(var.tags, { module = "${{ values.module_name }}" })
}
