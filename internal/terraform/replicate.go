package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/regions"
	"github.com/noticevet/noticevet/internal/tfeval"
)

// replSpec is an argument that copies data to another region.
type replSpec struct {
	path   []string // nested block types leading to the argument
	attr   string   // the argument naming the destination
	how    int      // how the destination names its region
	source string   // argument naming the source; "" when it is the resource itself
	dest   string   // argument naming the destination store, if not attr
	what   string   // the site's name after the resource address
	via    string   // how the copy is described, before the source's name
}

const (
	byRegion = iota // a region id
	byARN           // an AWS ARN
	byQCS           // a Tencent Cloud QCS string: qcs::cos:<region>::<bucket>
)

// replSpecs are the replication arguments read, by resource type. Sources:
// the Terraform Registry documentation of each resource type named here
// (its replication and replica arguments).
var replSpecs = map[string][]replSpec{
	"aws_s3_bucket_replication_configuration": {{path: []string{"rule", "destination"}, attr: "bucket", how: byARN, source: "bucket", what: "replica", via: "replica of"}},
	"aws_s3_bucket":                        {{path: []string{"replication_configuration", "rules", "destination"}, attr: "bucket", how: byARN, what: "replica", via: "replica of"}},
	"aws_dynamodb_table":                   {{path: []string{"replica"}, attr: "region_name", how: byRegion, what: "replica", via: "replica of"}},
	"aws_backup_plan":                      {{path: []string{"rule", "copy_action"}, attr: "destination_vault_arn", how: byARN, what: "copy", via: "backup copy by"}},
	"oci_objectstorage_replication_policy": {{attr: "destination_region_name", how: byRegion, source: "bucket", dest: "destination_bucket_name", what: "replica", via: "replica of"}},
	"alicloud_oss_bucket_replication":      {{path: []string{"destination"}, attr: "location", how: byRegion, source: "bucket", dest: "bucket", what: "replica", via: "replica of"}},
	"tencentcloud_cos_bucket":              {{path: []string{"replica_rules"}, attr: "destination_bucket", how: byQCS, what: "replica", via: "replica of"}},
}

func (sp replSpec) destAttr() string {
	if sp.dest != "" {
		return sp.dest
	}
	return sp.attr
}

// sourceName names the store a replication copies from.
func (sp replSpec) sourceName(r tfeval.Resource) string {
	if sp.source != "" {
		if a := tfeval.Attr(r.Body(), sp.source); a != nil {
			if addr := refAddr(a.Expr); addr != "" {
				return addr
			}
		}
	}
	return r.Addr()
}

// replicaDests maps each data-holding resource of the module that a
// replication argument copies into to how the copy is described. Such a
// destination's own evidence is the copy's; the replication argument adds
// none. It is read from the configuration as written (dynamic blocks are
// not expanded), once per module (extractor.Prepare).
func replicaDests(m tfeval.Module) map[string]string {
	d := map[string]string{}
	for _, r := range m.Resources() {
		for _, sp := range replSpecs[r.Type()] {
			bodies := []hcl.Body{r.Body()}
			for _, typ := range sp.path {
				var next []hcl.Body
				for _, b := range bodies {
					for _, blk := range tfeval.BlocksOf(b, typ) {
						next = append(next, blk.Body)
					}
				}
				bodies = next
			}
			for _, b := range bodies {
				a := tfeval.Attr(b, sp.destAttr())
				if a == nil {
					continue
				}
				if dest := storeRef(m, a.Expr); dest != "" && dest != r.Addr() {
					if _, ok := d[dest]; !ok {
						d[dest] = sp.via + " " + sp.sourceName(r)
					}
				}
			}
		}
	}
	return d
}

// replicationRecs is the evidence of replication arguments whose
// destination is not a store read from the module.
func (s scope) replicationRecs(r tfeval.Resource) []evidence.Evidence {
	var out []evidence.Evidence
	for _, sp := range replSpecs[r.Type()] {
		for _, body := range s.Bodies(r.Body(), sp.path) {
			a := tfeval.Attr(body, sp.attr)
			if a == nil {
				continue
			}
			if d := tfeval.Attr(body, sp.destAttr()); d != nil {
				if storeRef(s.Module(), d.Expr) != "" {
					continue
				}
				if v, _ := s.Eval(d.Expr); hasStoreAttr(v) {
					continue // a store of another module instance
				}
			}
			st := site{pos: s.Pos(a.NameRange), word: "region", replica: true, replicaVia: sp.via + " " + sp.sourceName(r)}
			v, reason := s.Eval(a.Expr)
			x, ok := tfeval.Str(v)
			switch {
			case reason != "":
				st.why = "destination comes from " + reason
			case !ok:
				continue
			case sp.how == byRegion:
				st.loc = x
			case sp.how == byARN:
				st.loc = arnRegion(x)
				if st.loc == "" {
					st.why = fmt.Sprintf("destination %s names no region", x)
				}
			case sp.how == byQCS:
				st.loc = qcsRegion(x)
				if st.loc == "" {
					st.why = fmt.Sprintf("destination %s names no region", x)
				}
			}
			out = append(out, s.place(evidence.Store, r.Addr()+" "+sp.what, r.Cloud(), st)...)
		}
	}
	return out
}

// arnRegion is the region field of an ARN (arn:partition:service:region:...),
// "" when it has none (S3 bucket ARNs) or is not an ARN.
func arnRegion(arn string) string {
	f := strings.SplitN(arn, ":", 6)
	if len(f) < 6 || f[0] != "arn" {
		return ""
	}
	return f[3]
}

// qcsRegion is the region of qcs::cos:<region>::<bucket>.
func qcsRegion(q string) string {
	f := strings.Split(q, ":")
	if len(f) < 4 || f[0] != "qcs" {
		return ""
	}
	return f[3]
}

// azureGeo is how an Azure resource asks for a geo-redundant copy in its
// region's pair: the argument, its default, and which values do.
var azureGeo = map[string]struct {
	attr, def string
	geo       func(string) bool
}{
	"azurerm_storage_account":              {"account_replication_type", "", isGRS},
	"azurerm_recovery_services_vault":      {"storage_mode_type", "GeoRedundant", isGeoRedundant},
	"azurerm_data_protection_backup_vault": {"redundancy", "", isGeoRedundant},
	"azurerm_postgresql_flexible_server":   {"geo_redundant_backup_enabled", "", isTrue},
	"azurerm_mysql_flexible_server":        {"geo_redundant_backup_enabled", "", isTrue},
	"azurerm_postgresql_server":            {"geo_redundant_backup_enabled", "", isTrue},
	"azurerm_mysql_server":                 {"geo_redundant_backup_enabled", "", isTrue},
	"azurerm_mariadb_server":               {"geo_redundant_backup_enabled", "", isTrue},
}

func isGRS(v string) bool {
	switch strings.ToUpper(v) {
	case "GRS", "RAGRS", "GZRS", "RAGZRS":
		return true
	}
	return false
}

func isGeoRedundant(v string) bool { return strings.EqualFold(v, "GeoRedundant") }

func isTrue(v string) bool { return v == "true" }

// azurePairRecs is the evidence of an Azure geo-redundant copy: it lands in
// the paired region of the resource's location.
func (s scope) azurePairRecs(r tfeval.Resource, ds datastore) []evidence.Evidence {
	g, ok := azureGeo[r.Type()]
	if !ok {
		return nil
	}
	what := r.Addr() + " replica"
	pos := s.HeaderPos(r)
	val := g.def
	if a := tfeval.Attr(r.Body(), g.attr); a != nil {
		pos = s.Pos(a.NameRange)
		v, reason := s.Eval(a.Expr)
		if reason != "" {
			return []evidence.Evidence{{Kind: evidence.Store, What: what, Pos: pos, Replica: true,
				Unresolved: g.attr + " comes from " + reason}}
		}
		x, ok := tfeval.Str(v)
		if !ok {
			return nil
		}
		val = x
	}
	if !g.geo(val) {
		return nil
	}
	var out []evidence.Evidence
	for _, st := range s.locate(r, ds) {
		pair := site{pos: pos, word: "region", replica: true}
		if st.why != "" {
			pair.why = "the paired region of its location, and " + st.why
			out = append(out, s.place(evidence.Store, what, "azurerm", pair)...)
			continue
		}
		p := s.places.Region("azurerm", st.loc)
		if !p.OK() {
			pair.why = fmt.Sprintf("the paired region of location %q, which is not a known azurerm location", st.loc)
		} else if pr, ok := regions.AzurePair(p.Region); !ok {
			pair.why = fmt.Sprintf("%s has no known paired region", p.Region)
		} else {
			pair.loc, pair.replicaVia = pr, "paired region of "+p.Region
		}
		out = append(out, s.place(evidence.Store, what, "azurerm", pair)...)
	}
	return out
}
