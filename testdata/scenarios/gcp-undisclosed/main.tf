provider "google" {
  project = "example"
  region  = "asia-northeast1"
}

resource "google_storage_bucket" "exports" {
  name     = "exports"
  location = "US"
}

resource "google_bigquery_dataset" "analytics" {
  dataset_id = "analytics"
  location   = "asia-northeast1"
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"
  region           = "asia-northeast2"
}

resource "google_storage_bucket" "eu_archive" {
  name     = "eu-archive"
  location = "EUR4"
}
