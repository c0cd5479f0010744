resource "azurerm_virtual_network" "this" {
  name          = "${{ values.module_name }}-${var.location}"
  address_space = ["10.0.0.0/16"]
}
