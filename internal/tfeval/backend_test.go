package tfeval

import "testing"

// Backend settings (terraform init -backend-config=FILE) are not variable
// files; the Terraform reader's test reads a repository with them.
func TestClassifyBackend(t *testing.T) {
	for name, want := range map[string]bool{
		"prod.tfvars":              true,
		"prod.tfvars.json":         true,
		"terraform.tfvars":         true,
		"env/backend_prod.tfvars":  true, // not the backend naming
		"prod.backend.tfvars":      false,
		"env/prod.backend.tfvars":  false,
		"prod.backend.tfvars.json": false,
		"backend.tfvars":           false,
		"env/backend.tfvars":       false,
		"backend.hcl":              false,
		"main.tf":                  true,
	} {
		if ok, _, _ := classify(name); ok != want {
			t.Errorf("classify(%q) = %v, want %v", name, ok, want)
		}
	}
}
