data "azurerm_resource_group" "app" {
  name = "s165p01-app"
}

resource "azurerm_postgresql_flexible_server" "db" {
  name                = "s165p01-app-db"
  location            = data.azurerm_resource_group.app.location
  resource_group_name = data.azurerm_resource_group.app.name
}

resource "azurerm_storage_account" "documents" {
  name                     = "s165p01docs"
  location                 = "uksouth"
  resource_group_name      = data.azurerm_resource_group.app.name
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
