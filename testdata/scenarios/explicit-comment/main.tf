provider "google" {
  region = "asia-northeast1"
}

resource "google_storage_bucket" "photos" {
  name     = "photos"
  location = "ASIA-NORTHEAST3"
}
