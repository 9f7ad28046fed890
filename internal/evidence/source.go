package evidence

import (
	"net/netip"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

// Source is a reader of one kind of evidence: Terraform, Go, and each
// source to come (application configuration, plans, CloudFormation, PaaS
// files). It reads the repository only through the view, which applies the
// same walking, link, size and nesting rules to every source, places what
// it finds with the Placer, and returns evidence with positions relative
// to the checked folder.
//
// A source is one package; `noticevet check` holds the list of sources
// (internal/check) and runs them at the same time.
type Source interface {
	// Name names the source for messages: "terraform", "go".
	Name() string
	// Read reads the evidence of the repository seen through v. Its
	// error says why the evidence cannot be trusted; it is a
	// diag.Diagnostics or *diag.Diagnostic naming the file and line when
	// there is one. Read must not panic whatever the repository holds.
	Read(v *repo.View, p Placer) (Found, error)
}

// Found is what a Source reads.
type Found struct {
	// Evidence is placed by the source itself.
	Evidence []Evidence
	// ByStore is evidence that writes to named stores (Evidence.Stores)
	// defined elsewhere: a Go call that puts objects in bucket "media".
	// The check places each where Evidence of any source that names the
	// same store is (setting Defined), or keeps it as the source placed
	// it when none does.
	ByStore []Evidence
	// Notes are warnings about what the source read: files it left out
	// and why (a Go file that uses cgo, or that a build constraint
	// excludes). They do not fail the check; `noticevet check` prints
	// them on stderr, so nothing is left out without a trace.
	Notes diag.Diagnostics
	// Read names the files the source read (for Go, the go.mod of each
	// module), relative to the checked folder, so that a check that finds
	// nothing can say what it looked at.
	Read []string
}

// Placer places what a source finds in countries: a host, a cloud
// region, an account, a network. It asks the configuration first (host
// blocks, entities) and then the public rules (hosts and region tables),
// so that every source places the same thing the same way. internal/place
// has the one implementation.
type Placer interface {
	// Host places a host name or an IP address.
	Host(host string) Place
	// Region places a cloud provider's region or location: ("aws",
	// "ap-northeast-2"), ("google", "EU"), ("azurerm", "japaneast").
	Region(provider, location string) Place
	// Account places a cloud account ID (an AWS account) through the
	// configuration's entities.
	Account(id string) Place
	// CIDR places a network range through the configuration's entities:
	// it is placed when it overlaps an entity's range.
	CIDR(p netip.Prefix) Place
}

// Place is where a Placer puts something.
type Place struct {
	// Countries are ISO 3166-1 alpha-2 codes, sorted; several for a
	// multi-region location, none when not placed.
	Countries []string
	// Region is the normalised region or location that placed it
	// ("ap-northeast-2", "EU"), if one did.
	Region string
	// Via says what placed it, for messages: "entity shanghai-contractor",
	// "host *.example.com", "country-code TLD .cn".
	Via string
	// Self is set for a host that is the service's own (a self block of
	// the configuration): a call to it is not an export, and a source
	// gives no evidence for it.
	Self bool
	// Unresolved says why it is not placed, when that is known; it may be
	// empty when Countries is (a source then says why in its own words).
	Unresolved string
}

// OK reports whether the place names a country.
func (p Place) OK() bool { return len(p.Countries) > 0 }
