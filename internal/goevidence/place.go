package goevidence

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/hosts"
	"github.com/noticevet/noticevet/internal/regions"
)

// Placer places what no public rule can: the configuration's host blocks
// and entities. *config.Config is one.
type Placer interface {
	// Host places a host name ("entity x" or "host *.example.com" says by
	// what).
	Host(host string) (country, by string, ok bool)
	// CIDR places a network.
	CIDR(p netip.Prefix) (country, entity string, ok bool)
}

// Evidence places a site: one Evidence per country it puts data in (a
// multi-region location puts it in several), or one with Unresolved set.
// The configuration (p, which may be nil) is asked first. Pos is left for
// the caller to fill in.
func Evidence(s Site, p Placer) []evidence.Evidence {
	e := evidence.Evidence{Kind: s.Kind, What: s.What}
	if s.Store != (evidence.StoreRef{}) {
		e.Stores = []evidence.StoreRef{s.Store}
	}
	switch {
	case s.Unresolved != "":
		e.Unresolved = s.Unresolved
	case s.Host != "":
		e.Country, e.Region, e.Via, e.Unresolved = placeHost(s.Host, p)
		if st, ok := hostStore(s.Host); ok && e.Unresolved != "" && len(e.Stores) == 0 {
			e.Stores = []evidence.StoreRef{st}
		}
	case s.Provider != "":
		place, ok := regions.Lookup(s.Provider, s.Region)
		if !ok {
			e.Unresolved = fmt.Sprintf("%s location %q is not known to noticevet", providerName(s.Provider), s.Region)
			break
		}
		out := make([]evidence.Evidence, 0, len(place.Countries))
		for _, c := range place.Countries {
			x := e
			x.Country, x.Region = c, place.Region
			out = append(out, x)
		}
		return out
	default:
		e.Unresolved = "the destination is not known statically"
	}
	return []evidence.Evidence{e}
}

func providerName(p string) string {
	switch p {
	case "aws":
		return "AWS"
	case "google":
		return "Google Cloud"
	}
	return p
}

// placeHost places a host: the configuration first, then the public rules.
func placeHost(host string, p Placer) (country, region, via, unresolved string) {
	if ip, err := netip.ParseAddr(host); err == nil {
		if p != nil {
			if c, ent, ok := p.CIDR(netip.PrefixFrom(ip, ip.BitLen())); ok {
				return c, "", "entity " + ent, ""
			}
		}
		if ip.IsPrivate() || ip.IsLinkLocalUnicast() {
			return "", "", "", fmt.Sprintf("%s is a private address; give its network to an entity's cidrs in .noticevet.hcl", host)
		}
		return "", "", "", fmt.Sprintf("no rule places the address %s; give its network to an entity's cidrs in .noticevet.hcl", host)
	}
	if p != nil {
		if c, by, ok := p.Host(host); ok {
			return c, "", by, ""
		}
	}
	if c, r, v, ok := hosts.Place(host); ok {
		return c, r, v, ""
	} else if v != "" {
		return "", "", "", host + ": " + v
	}
	switch {
	case !strings.Contains(host, "."), strings.HasSuffix(host, ".local"), strings.HasSuffix(host, ".internal"),
		strings.HasSuffix(host, ".cluster.local"), strings.HasSuffix(host, ".svc"), strings.HasSuffix(host, ".lan"):
		return "", "", "", fmt.Sprintf("%s is an internal host name; place it with a host block in .noticevet.hcl", host)
	case azurePublic(host):
		return "", "", "", fmt.Sprintf("%s is an Azure public-cloud host, which names no region (the account's location decides); place it with a host block in .noticevet.hcl", host)
	}
	return "", "", "", fmt.Sprintf("no public rule places %s; place it with a host block in .noticevet.hcl", host)
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
