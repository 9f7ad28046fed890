# The resource group is made outside Terraform
# (az deployment sub create -l "West Europe" ...): only its name is here.
data "azurerm_resource_group" "main" {
  name = "s189p01-rsm-pd-rg"
}

resource "azurerm_storage_account" "uploads" {
  name                     = "s189p01rsmuploadspd"
  resource_group_name      = data.azurerm_resource_group.main.name
  location                 = data.azurerm_resource_group.main.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
