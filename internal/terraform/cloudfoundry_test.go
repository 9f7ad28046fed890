package terraform

import "testing"

// TestCloudFoundry: a service instance is a store on the platform its
// provider's api_url names; an api_url that no table knows, or that comes
// from a variable without a value, leaves it unresolved; an app is not a
// store.
func TestCloudFoundry(t *testing.T) {
	runCases(t, []readCase{
		{
			name: "GOV.UK PaaS London",
			files: map[string]string{"main.tf": `
provider "cloudfoundry" {
  api_url = "https://api.london.cloud.service.gov.uk"
}
resource "cloudfoundry_service_instance" "postgres" {
  name  = "find-a-lost-trn-postgres"
  space = "x"
}
resource "cloudfoundry_app" "web" {
  name = "web"
}
`},
			want: []string{"main.tf:4:1 store cloudfoundry_service_instance.postgres -> GB api.london.cloud.service.gov.uk  via provider cloudfoundry"},
		},
		{
			name: "api_url from a variable default",
			files: map[string]string{"main.tf": `
variable "api_url" {
  default = "https://api.cloud.service.gov.uk"
}
provider "cloudfoundry" {
  api_url = var.api_url
}
resource "cloudfoundry_service_instance" "redis" {}
`},
			want: []string{"main.tf:7:1 store cloudfoundry_service_instance.redis -> IE api.cloud.service.gov.uk  via provider cloudfoundry, var.api_url = \"https://api.cloud.service.gov.uk\" (default)"},
		},
		{
			name: "api_url from a variable without a value",
			files: map[string]string{"main.tf": `
variable "api_url" {}
provider "cloudfoundry" {
  api_url = var.api_url
}
resource "cloudfoundry_service_instance" "db" {}
`},
			want: []string{"main.tf:5:1 store cloudfoundry_service_instance.db ?? region comes from var.api_url, which has no value"},
		},
		{
			name: "an unknown platform",
			files: map[string]string{"main.tf": `
provider "cloudfoundry" {
  api_url = "https://api.sys.example.internal"
}
resource "cloudfoundry_service_instance" "db" {}
`},
			want: []string{`main.tf:4:1 store cloudfoundry_service_instance.db ?? region "https://api.sys.example.internal" is not a cloudfoundry location with a known country`},
		},
		{
			name: "no api_url",
			files: map[string]string{"main.tf": `
provider "cloudfoundry" {}
resource "cloudfoundry_service_instance" "db" {}
`},
			want: []string{"main.tf:2:1 store cloudfoundry_service_instance.db ?? region comes from the environment: provider cloudfoundry sets no api_url"},
		},
	})
}
