package terraform

import "strings"

// DataStore is what the reader knows of a data-holding resource type
// (a row of datastores.tsv, and of storenames.tsv when the type names a
// store), for readers of other forms of Terraform (plans and state) that
// must place the same resources the same way.
type DataStore struct {
	// Provider is the provider the type belongs to, as the placer takes
	// it: "aws", "google", "azurerm".
	Provider string
	// Location is the argument that places it: "region", "location", or
	// "block.name" for one inside nested blocks; "" when only the
	// provider configuration's region does.
	Location string
	// Default is where it is without its location argument: "provider"
	// (the provider configuration's region), a literal location ("US"),
	// "unpinned" (no fixed region), or "" (the argument is required).
	Default string
	// NameArg is the argument that names the store, and StoreType the
	// kind of store it names (internal/evidence stores.tsv); both "" when
	// the type names no store.
	NameArg, StoreType string
}

// LookupDataStore returns what the reader knows of a resource type, and
// whether it holds data.
func LookupDataStore(typ string) (DataStore, bool) {
	ds, ok := datastores[typ]
	if !ok {
		return DataStore{}, false
	}
	// A type is named after its provider: aws_s3_bucket is the aws
	// provider's.
	provider, _, _ := strings.Cut(typ, "_")
	out := DataStore{Provider: provider, Location: ds.loc, Default: ds.def}
	if out.Location == "-" {
		out.Location = ""
	}
	if out.Default == "-" {
		out.Default = ""
	}
	if sn, ok := storeNames[typ]; ok {
		out.NameArg, out.StoreType = sn.arg, sn.store
	}
	return out, true
}
