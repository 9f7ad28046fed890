package cloudformation

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
)

// FuzzTemplate: whatever a file holds, reading it as a template (and as
// a SAM configuration) and
// evaluating its resources for a stack whose region is known and one
// whose region is not neither panics nor gives a position outside the
// file; a file that does not parse, or that a bound stops, is a
// diagnostic.
func FuzzTemplate(f *testing.F) {
	f.Add([]byte(globalTable), false)
	f.Add([]byte("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub [\"${A}-${!B}-${AWS::Region}\", {A: !Select [0, !GetAZs \"\"]}]\n"+
		"      ReplicationConfiguration: !If [C, {Rules: [{Destination: {Bucket: !GetAtt [B, Arn]}}]}, !Ref AWS::NoValue]\n"+
		"Conditions:\n  C: !And [!Not [!Equals [a, b]], !Or [!Condition D, true]]\n  D: !Condition C\n"), false)
	f.Add([]byte(`{"Resources": {"P": {"Type": "AWS::Backup::BackupPlan", "Properties": {"BackupPlan": {"BackupPlanRule": [{"CopyActions": [{"DestinationBackupVaultArn": {"Fn::Join": [":", ["arn", "aws", "backup", {"Fn::FindInMap": ["M", "a", "b", "eu-west-1"]}, "1", "v"]]}}]}]}}}}}`), true)
	f.Add([]byte("AWSTemplateFormatVersion: x\nParameters:\n  L: {Type: CommaDelimitedList, Default: \"a, b\"}\nResources:\n  a: &x {Type: AWS::SQS::Queue, Properties: {QueueName: !Join [-, !Ref L]}}\n  b: *x\n"), false)
	f.Add([]byte("version = 0.1\n[default.deploy.parameters]\nregion = \"eu-west-1\"\n[x.global.parameters]\nregion = 1\n"), false)
	f.Add([]byte("prod:\n  deploy:\n    parameters: &p {region: us-east-1}\n  global: {parameters: *p}\n"), false)
	f.Fuzz(func(t *testing.T, src []byte, json bool) {
		if !utf8.Valid(src) {
			return // only UTF-8 text is read
		}
		rel := "t.yaml"
		if json {
			rel = "t.json"
		}
		// The SAM configuration files beside a template are read too.
		for _, name := range []string{"samconfig.toml", "samconfig.yaml"} {
			if _, err := samconfigRegions(name, src); err != nil {
				var dg *diag.Diagnostic
				if !errors.As(err, &dg) {
					t.Fatalf("%s: error %T %v is not a diagnostic", name, err, err)
				}
			}
		}
		tm, err := parse(rel, src)
		if err != nil {
			if n := notTemplate(rel, src, err); n != nil && n.Severity != diag.Warning {
				t.Fatalf("note %v is not a warning", n)
			}
		}
		if err == nil && tm != nil {
			var out evidence.Found
			err = tm.evidence([]stack{{region: "eu-west-1", via: "test"}, {unresolved: noRegion}}, place.Public, &out)
			lines := 1
			for _, c := range src {
				if c == '\n' {
					lines++
				}
			}
			for _, e := range append(out.Evidence, out.ByStore...) {
				if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Column < 1 {
					t.Fatalf("evidence %q at %v, outside a file of %d lines", e.What, e.Pos, lines)
				}
			}
		}
		if err != nil {
			var dg *diag.Diagnostic
			if !errors.As(err, &dg) {
				t.Fatalf("error %T %v is not a diagnostic", err, err)
			}
		}
	})
}
