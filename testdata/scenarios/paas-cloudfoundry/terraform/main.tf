variable "api_url" {
  default = "https://api.london.cloud.service.gov.uk"
}

provider "cloudfoundry" {
  api_url = var.api_url
}

data "cloudfoundry_service" "postgres" {
  name = "postgres"
}

resource "cloudfoundry_service_instance" "postgres" {
  name         = "find-a-lost-trn-postgres"
  space        = "find-a-lost-trn"
  service_plan = data.cloudfoundry_service.postgres.service_plans["small-13"]
}
