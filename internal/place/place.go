// Package place is the one Placer every evidence source uses: it places
// hosts, cloud regions, accounts and networks in countries, asking the
// configuration (host blocks and entities of .noticevet.hcl) first and the
// public rules (internal/hosts, internal/regions) after.
package place

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/hosts"
	"github.com/noticevet/noticevet/internal/regions"
)

// Placer is an evidence.Placer over a configuration.
type Placer struct {
	cfg *config.Config
}

var _ evidence.Placer = (*Placer)(nil)

// New returns the Placer of a configuration; a nil one places by the
// public rules only.
func New(cfg *config.Config) *Placer {
	if cfg == nil {
		cfg = &config.Config{}
	}
	return &Placer{cfg: cfg}
}

// Public places by the public rules only.
var Public = New(nil)

func one(country, region, via string) evidence.Place {
	return evidence.Place{Countries: []string{country}, Region: region, Via: via}
}

func unresolved(format string, args ...any) evidence.Place {
	return evidence.Place{Unresolved: fmt.Sprintf(format, args...)}
}

// Host places a host name or an IP address: an address through the
// entities' networks; a name through the host blocks and entities'
// domains, then the public rules. Unresolved says what to write in
// .noticevet.hcl to place it.
func (p *Placer) Host(host string) evidence.Place {
	if ip, err := netip.ParseAddr(host); err == nil {
		if c, ent, ok := p.cfg.CIDR(netip.PrefixFrom(ip, ip.BitLen())); ok {
			return one(c, "", "entity "+ent)
		}
		if ip.IsPrivate() || ip.IsLinkLocalUnicast() {
			return unresolved("%s is a private address; give its network to an entity's cidrs in .noticevet.hcl", host)
		}
		return unresolved("no rule places the address %s; give its network to an entity's cidrs in .noticevet.hcl", host)
	}
	if d, ok := p.cfg.IsSelf(host); ok {
		return evidence.Place{Self: true, Via: "self domain " + d}
	}
	if c, by, ok := p.cfg.Host(host); ok {
		return one(c, "", by)
	}
	if c, r, v, ok := hosts.Place(host); ok {
		return one(c, r, v)
	} else if v != "" {
		return unresolved("%s: %s", host, v)
	}
	switch {
	case Internal(host):
		return unresolved("%s is an internal host name; add a host block", host)
	case azurePublic(host):
		return unresolved("%s is an Azure public-cloud host, which names no region; add a host block", host)
	}
	return unresolved("no public rule places %s; add a host block", host)
}

// Internal reports whether a host name is one of a private network: a
// single label, or under .local, .internal, .svc or .lan (Kubernetes'
// .cluster.local included). Such a name says nothing of a country.
func Internal(host string) bool {
	if !strings.Contains(host, ".") {
		return true
	}
	for _, suffix := range []string{".local", ".internal", ".svc", ".lan"} {
		if strings.HasSuffix(host, suffix) {
			return true
		}
	}
	return false
}

// azurePublic reports whether a host is in Azure's public cloud, whose
// data-plane hosts do not name a region.
func azurePublic(h string) bool {
	for _, suffix := range []string{".core.windows.net", ".documents.azure.com", ".database.windows.net", ".vault.azure.net", ".servicebus.windows.net", ".azurecr.io"} {
		if strings.HasSuffix(h, suffix) {
			return true
		}
	}
	return false
}

// SelfSetting reports whether a setting a destination is read from is
// one the self block names as the service's own address
// (config.Config.IsSelfSetting), and its name there.
func (p *Placer) SelfSetting(setting string) (string, bool) {
	return p.cfg.IsSelfSetting(setting)
}

// Region places a provider's region or location by the region tables.
// Unresolved is left empty: each source words the reason with what set
// the location.
func (p *Placer) Region(provider, location string) evidence.Place {
	r, ok := regions.Lookup(provider, location)
	if !ok {
		return evidence.Place{}
	}
	return evidence.Place{Countries: r.Countries, Region: r.Region}
}

// Account places an AWS account ID through the entities.
func (p *Placer) Account(id string) evidence.Place {
	if c, ent, ok := p.cfg.Account(id); ok {
		return one(c, "", "entity "+ent)
	}
	return unresolved("AWS account %s is not placed by any entity", id)
}

// CIDR places a network range through the entities. Unresolved is left
// empty: whether an unplaced range matters (a private one does not) is
// the source's to say.
func (p *Placer) CIDR(pr netip.Prefix) evidence.Place {
	if c, ent, ok := p.cfg.CIDR(pr); ok {
		return one(c, "", "entity "+ent)
	}
	return evidence.Place{}
}
