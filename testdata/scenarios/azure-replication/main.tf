provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "app" {
  name     = "app"
  location = "Japan East"
}

# GRS copies to the paired region, Japan West: still Japan.
resource "azurerm_storage_account" "files" {
  name                     = "files"
  resource_group_name      = azurerm_resource_group.app.name
  location                 = azurerm_resource_group.app.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

# RA-GRS in East Asia copies to Southeast Asia: Singapore.
resource "azurerm_storage_account" "hk" {
  name                     = "hkfiles"
  resource_group_name      = azurerm_resource_group.app.name
  location                 = "eastasia"
  account_tier             = "Standard"
  account_replication_type = "RAGRS"
}

resource "azurerm_cosmosdb_account" "profiles" {
  name                = "profiles"
  location            = azurerm_resource_group.app.location
  resource_group_name = azurerm_resource_group.app.name
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "japaneast"
    failover_priority = 0
  }

  geo_location {
    location          = "koreacentral"
    failover_priority = 1
  }
}
