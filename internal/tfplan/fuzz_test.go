package tfplan

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/terraform"
	"github.com/noticevet/noticevet/internal/testfs"
)

// FuzzRead: whatever a plan file holds, reading it and placing its
// resources in a repository neither panics nor gives a position outside
// the plan file; a file that is not a plan is a diagnostic.
func FuzzRead(f *testing.F) {
	f.Add([]byte(plan(`"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}`, uploads, "")))
	f.Add([]byte(modulesPlan))
	f.Add([]byte(`{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "aws_s3_bucket.b[0]", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "values": {"arn": "arn:aws:s3:eu-west-1::b"}}]}}}`))
	f.Add([]byte(`{"format_version": "1.2", "resource_changes": [{"address": "module.a[\"x.y]\"].google_storage_bucket.b", "mode": "managed", "type": "google_storage_bucket", "name": "b", "change": {"actions": ["create"], "after": {"location": ["EU", 1, null]}}}]}`))
	f.Add([]byte(`{"format_version": "0.1", "planned_values": {"root_module": {"resources": [{"address": "azurerm_cosmosdb_account.c", "mode": "managed", "type": "azurerm_cosmosdb_account", "name": "c", "values": {"geo_location": [{"location": "japaneast"}, {"location": 3}]}}]}}}`))
	v := testfs.View(f, map[string]string{"main.tf": pipelineTF + modulesTF, "modules/media/main.tf": mediaTF})
	ix, err := newIndex(v)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !utf8.Valid(src) {
			return
		}
		d, err := parse("plan.json", src)
		if err != nil {
			var dg *diag.Diagnostic
			if !errors.As(err, &dg) {
				t.Fatalf("error %T %v is not a diagnostic", err, err)
			}
			return
		}
		var stores []instance
		for _, in := range d.instances() {
			if _, ok := terraform.LookupDataStore(in.typ); ok {
				stores = append(stores, in)
			}
		}
		r := &reader{doc: d, plan: Plan{Name: "plan.json"}, src: src, ix: ix, places: place.Public}
		ev, _, err := r.read(stores, "")
		if err != nil {
			return
		}
		lines := 1 + bytes.Count(src, []byte{'\n'})
		for _, e := range ev {
			if e.Pos.Path == "plan.json" && (e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Column < 1) {
				t.Fatalf("%s at %s, outside a file of %d lines", e.What, e.Pos, lines)
			}
		}
		callNames(string(src))
	})
}
