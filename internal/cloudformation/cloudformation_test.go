package cloudformation

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/testfs"
)

// show prints evidence one per line, for exact comparison.
func show(es []evidence.Evidence) string {
	return testfs.Show(es, testfs.Pos, testfs.What, testfs.Country, testfs.Region, testfs.Via, testfs.Replica, testfs.Unresolved, testfs.Stores)
}

// deployHCL is the deploy block the README shows.
const deployHCL = `deploy "cloudformation/**" {
  region = "ap-northeast-1"   # aws cloudformation deploy --region ap-northeast-1
}
`

func read(t *testing.T, files map[string]string) (evidence.Found, error) {
	t.Helper()
	v := testfs.View(t, files)
	cfg, err := config.Parse(".noticevet.hcl", []byte(deployHCL))
	if err != nil {
		t.Fatal(err)
	}
	return Source{Config: cfg}.Read(v, place.Public)
}

// globalTable is a SAM template with a global table whose replicas name
// their regions in each way a template can.
const globalTable = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  DrRegion: {Type: String, Default: us-west-2}
  Stage: {Type: String, Default: prod}
  Secret: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Users:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: !Sub "users-${Stage}"
      Replicas:
        - Region: !Ref AWS::Region
        - Region: ap-northeast-3
        - !If [IsProd, {Region: !Ref DrRegion}, !Ref AWS::NoValue]
        - Region: !Ref Secret
`

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"global table, region from the deploy block",
			map[string]string{"cloudformation/template.yaml": globalTable},
			`cloudformation/template.yaml:15:11 "AWS::DynamoDB::GlobalTable Users" JP region=ap-northeast-1 via="deploy \"cloudformation/**\"" store=dynamodb-table/users-prod
cloudformation/template.yaml:16:11 "AWS::DynamoDB::GlobalTable Users replica" JP region=ap-northeast-3 via="replica of AWS::DynamoDB::GlobalTable Users" replica
cloudformation/template.yaml:17:24 "AWS::DynamoDB::GlobalTable Users replica" US region=us-west-2 via="replica of AWS::DynamoDB::GlobalTable Users" replica
cloudformation/template.yaml:18:11 "AWS::DynamoDB::GlobalTable Users replica" via="replica of AWS::DynamoDB::GlobalTable Users" replica unresolved="the replica's Region is not known: parameter Secret has no default"
`},
		{"global table, no region for the stack: explicit replicas are still placed",
			map[string]string{"infra/template.yaml": globalTable},
			`infra/template.yaml:15:11 "AWS::DynamoDB::GlobalTable Users" unresolved="deployed to a region the template does not name: set it in a deploy block of .noticevet.hcl or in samconfig.toml" store=dynamodb-table/users-prod
infra/template.yaml:16:11 "AWS::DynamoDB::GlobalTable Users replica" JP region=ap-northeast-3 via="replica of AWS::DynamoDB::GlobalTable Users" replica
infra/template.yaml:17:24 "AWS::DynamoDB::GlobalTable Users replica" US region=us-west-2 via="replica of AWS::DynamoDB::GlobalTable Users" replica
infra/template.yaml:18:11 "AWS::DynamoDB::GlobalTable Users replica" via="replica of AWS::DynamoDB::GlobalTable Users" replica unresolved="the replica's Region is not known: parameter Secret has no default"
`},
		{"samconfig.toml: one stack per region its environments name",
			map[string]string{
				"sam/template.yaml": "Transform: AWS::Serverless-2016-10-31\nResources:\n  Sessions:\n    Type: AWS::Serverless::SimpleTable\n  Fn:\n    Type: AWS::Serverless::Function\n",
				"sam/samconfig.toml": "version = 0.1\n[default.deploy.parameters]\nregion = \"eu-west-1\"\n[prod.deploy.parameters]\nregion = \"eu-west-1\"\n" +
					"[us.global.parameters]\nregion = \"us-east-1\"\n[x.deploy.parameters]\nstack_name = \"x\"\n",
			},
			`sam/template.yaml:3:3 "AWS::Serverless::SimpleTable Sessions" IE region=eu-west-1 via="samconfig.toml [default, prod]"
sam/template.yaml:3:3 "AWS::Serverless::SimpleTable Sessions" US region=us-east-1 via="samconfig.toml [us]"
`},
		{"the deploy block wins over samconfig.toml",
			map[string]string{
				"cloudformation/template.yaml":  "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Join [\"-\", [orders, !Select [1, !Split [\",\", \"a,b\"]]]]\n",
				"cloudformation/samconfig.toml": "[default.deploy.parameters]\nregion = \"eu-west-1\"\n",
			},
			`cloudformation/template.yaml:2:3 "AWS::SQS::Queue Q" JP region=ap-northeast-1 via="deploy \"cloudformation/**\"" store=sqs-queue/orders-b
`},
		{"JSON template, long forms",
			map[string]string{"cloudformation/stack.json": `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Mappings": {"Dr": {"ap-northeast-1": {"Region": "ap-southeast-1"}}},
  "Resources": {
    "Plan": {"Type": "AWS::Backup::BackupPlan", "Properties": {"BackupPlan": {"BackupPlanName": "p", "BackupPlanRule": [
      {"RuleName": "r", "TargetBackupVault": "v", "CopyActions": [
        {"DestinationBackupVaultArn": {"Fn::Sub": ["arn:aws:backup:${R}:${AWS::AccountId}:backup-vault:dr", {"R": {"Fn::FindInMap": ["Dr", {"Ref": "AWS::Region"}, "Region"]}}]}},
        {"DestinationBackupVaultArn": {"Fn::ImportValue": "dr-vault"}}
      ]}]}}},
    "Stream": {"Type": "AWS::Kinesis::Stream", "Properties": {"Name": {"Fn::GetAtt": ["Plan", "BackupPlanId"]}}}
  }
}`},
			`cloudformation/stack.json:7:10 "AWS::Backup::BackupPlan Plan copy" SG region=ap-southeast-1 via="backup copy by AWS::Backup::BackupPlan Plan" replica
cloudformation/stack.json:8:10 "AWS::Backup::BackupPlan Plan copy" via="backup copy by AWS::Backup::BackupPlan Plan" replica unresolved="the destination vault is not known: it is imported from another stack (Fn::ImportValue)"
cloudformation/stack.json:10:5 "AWS::Kinesis::Stream Stream" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
`},
		{"S3 replication: a bucket of the same stack, one elsewhere, one not known",
			map[string]string{"cloudformation/s3.yaml": `Resources:
  Media:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: media
      ReplicationConfiguration:
        Role: arn:aws:iam::111122223333:role/r
        Rules:
          - Destination:
              Bucket: !GetAtt Copy.Arn
          - Destination:
              Bucket: !Sub "arn:${AWS::Partition}:s3:::media-dr"
          - Destination:
              Bucket: !ImportValue dr-bucket-arn
  Copy:
    Type: AWS::S3::Bucket
`},
			`cloudformation/s3.yaml:2:3 "AWS::S3::Bucket Media" JP region=ap-northeast-1 via="deploy \"cloudformation/**\"" store=s3-bucket/media
cloudformation/s3.yaml:10:15 "AWS::S3::Bucket Media replica" JP region=ap-northeast-1 via="deploy \"cloudformation/**\"" replica
cloudformation/s3.yaml:14:15 "AWS::S3::Bucket Media replica" via="replica of AWS::S3::Bucket Media" replica unresolved="the destination bucket is not known: it is imported from another stack (Fn::ImportValue)"
cloudformation/s3.yaml:15:3 "AWS::S3::Bucket Copy" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
`},
		{"what conditions the defaults do not decide may create is unresolved, not left out",
			map[string]string{"cloudformation/c.yaml": `Parameters:
  Dr: {Type: String}
Conditions:
  HasDr: !Not [!Equals [!Ref Dr, ""]]
Resources:
  T:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      Replicas:
        - Region: !Ref AWS::Region
        - !If [HasDr, {Region: !Ref Dr}, !Ref AWS::NoValue]
  B:
    Type: AWS::S3::Bucket
    Properties:
      ReplicationConfiguration: !If [HasDr, {Rules: [{Destination: {Bucket: arn:aws:s3:::dr}}]}, !Ref AWS::NoValue]
  P:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanRule:
          - CopyActions:
              - !If [HasDr, {DestinationBackupVaultArn: !Sub "arn:aws:backup:${Dr}:1:backup-vault:v"}, !Ref AWS::NoValue]
`},
			`cloudformation/c.yaml:10:11 "AWS::DynamoDB::GlobalTable T" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
cloudformation/c.yaml:11:11 "AWS::DynamoDB::GlobalTable T replica" via="replica of AWS::DynamoDB::GlobalTable T" replica unresolved="the replica is not known: it depends on condition HasDr, which the parameters' defaults do not decide"
cloudformation/c.yaml:12:3 "AWS::S3::Bucket B" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
cloudformation/c.yaml:15:7 "AWS::S3::Bucket B replica" via="replica of AWS::S3::Bucket B" replica unresolved="the replication configuration is not known: it depends on condition HasDr, which the parameters' defaults do not decide"
cloudformation/c.yaml:22:17 "AWS::Backup::BackupPlan P copy" via="backup copy by AWS::Backup::BackupPlan P" replica unresolved="the copy action is not known: it depends on condition HasDr, which the parameters' defaults do not decide"
`},
		{"a template between document markers",
			map[string]string{"cloudformation/t.yaml": "---\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n---\n"},
			`cloudformation/t.yaml:3:3 "AWS::SQS::Queue Q" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
`},
		{"a template and a null document: a null document is an empty one",
			map[string]string{"cloudformation/t.yaml": "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n--- ~\n---\nnull\n"},
			`cloudformation/t.yaml:2:3 "AWS::SQS::Queue Q" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
`},
		{"a macro's transform and module types beside AWS resources",
			map[string]string{"cloudformation/macro.yaml": `Transform: Boto3
Resources:
  Site:
    Type: !Rain::Module ../modules/site.yml
  Readme:
    Type: Boto3::CodeCommit.put_file
  Cluster:
    Type: MongoDB::Atlas::Cluster
  Logs:
    Type: AWS::Logs::LogGroup
`},
			`cloudformation/macro.yaml:9:3 "AWS::Logs::LogGroup Logs" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
`},
		{"a nested stack is where its parent is",
			map[string]string{
				"app/template.yaml": "Transform: AWS::Serverless-2016-10-31\nResources:\n  Db:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: nested/db.yaml\n" +
					"  Shared:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ../cloudformation/shared.yaml\n" +
					"  Sar:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: {ApplicationId: arn:aws:serverlessrepo:us-east-1:1:applications/x, SemanticVersion: 1.0.0}\n",
				"app/samconfig.toml":         "[default.deploy.parameters]\nregion = \"eu-west-1\"\n[us.deploy.parameters]\nregion = \"us-east-1\"\n",
				"app/nested/db.yaml":         "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n  Deeper:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./deeper.yaml\n",
				"app/nested/deeper.yaml":     "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n",
				"cloudformation/shared.yaml": "Resources:\n  B:\n    Type: AWS::S3::Bucket\n",
				"cycle/a.yaml":               "Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: b.yaml}\n  Q:\n    Type: AWS::SQS::Queue\n",
				"cycle/b.yaml":               "Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: a.yaml}\n",
			},
			`app/nested/db.yaml:2:3 "AWS::DynamoDB::Table T" IE region=eu-west-1 via="nested in app/template.yaml, samconfig.toml [default]"
app/nested/db.yaml:2:3 "AWS::DynamoDB::Table T" US region=us-east-1 via="nested in app/template.yaml, samconfig.toml [us]"
app/nested/deeper.yaml:2:3 "AWS::SQS::Queue Q" IE region=eu-west-1 via="nested in app/nested/db.yaml, nested in app/template.yaml, samconfig.toml [default]"
app/nested/deeper.yaml:2:3 "AWS::SQS::Queue Q" US region=us-east-1 via="nested in app/nested/db.yaml, nested in app/template.yaml, samconfig.toml [us]"
cloudformation/shared.yaml:2:3 "AWS::S3::Bucket B" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
cycle/a.yaml:5:3 "AWS::SQS::Queue Q" unresolved="deployed to a region the template does not name: set it in a deploy block of .noticevet.hcl or in samconfig.toml"
`},
		{"byte columns after multi-byte characters",
			map[string]string{"cloudformation/t.yaml": "Description: \"データ\"\nResources: {\"日本\": {Type: \"AWS::SQS::Queue\"}, Ｑ: {Type: AWS::SQS::Queue}}\n"},
			`cloudformation/t.yaml:2:13 "AWS::SQS::Queue 日本" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
cloudformation/t.yaml:2:50 "AWS::SQS::Queue Ｑ" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
`},
		{"samconfig.yaml, when there is no samconfig.toml",
			map[string]string{
				"sam/template.yaml":  "Transform: AWS::Serverless-2016-10-31\nResources:\n  Sessions:\n    Type: AWS::Serverless::SimpleTable\n",
				"sam/samconfig.yaml": "version: 0.1\nprod:\n  deploy:\n    parameters:\n      region: ap-southeast-2\n",
				"sam/samconfig.yml":  "version: 0.1\nprod:\n  deploy:\n    parameters:\n      region: us-east-1\n",
			},
			`sam/template.yaml:3:3 "AWS::Serverless::SimpleTable Sessions" AU region=ap-southeast-2 via="samconfig.yaml [prod]"
`},
		{"samconfig.toml first",
			map[string]string{
				"sam/template.yaml":  "Transform: AWS::Serverless-2016-10-31\nResources:\n  Sessions:\n    Type: AWS::Serverless::SimpleTable\n",
				"sam/samconfig.yaml": "version: 0.1\nprod:\n  deploy:\n    parameters:\n      region: ap-southeast-2\n",
				"sam/samconfig.toml": "[default.global.parameters]\nregion = \"ca-central-1\"\n",
			},
			`sam/template.yaml:3:3 "AWS::Serverless::SimpleTable Sessions" CA region=ca-central-1 via="samconfig.toml [default]"
`},
		{"samconfig.toml without a region",
			map[string]string{
				"sam/template.yaml":  "Transform: AWS::Serverless-2016-10-31\nResources:\n  Sessions:\n    Type: AWS::Serverless::SimpleTable\n",
				"sam/samconfig.toml": "version = 0.1\n[default.deploy.parameters]\nstack_name = \"s\"\n",
			},
			`sam/template.yaml:3:3 "AWS::Serverless::SimpleTable Sessions" unresolved="deployed to a region the template does not name: set it in a deploy block of .noticevet.hcl or in samconfig.toml (samconfig.toml names none)"
`},
		{"a samconfig.toml region holding control characters",
			map[string]string{
				"sam/template.yaml":  "Resources:\n  T:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: !Sub \"${AWS::Region}\"\n",
				"sam/samconfig.toml": "[default.deploy.parameters]\nregion = \"\\u0000\\u0001\"\n",
			},
			`sam/template.yaml:6:11 "AWS::DynamoDB::GlobalTable T replica" via="replica of AWS::DynamoDB::GlobalTable T" replica unresolved="the replica's Region is not known: region \"\\x00\\x01\" is not an AWS region noticevet knows"
`},
		{"a region no table knows, from samconfig.toml",
			map[string]string{"sam/template.yaml": "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n", "sam/samconfig.toml": "[default.deploy.parameters]\nregion = \"mars-north-1\"\n"},
			`sam/template.yaml:2:3 "AWS::DynamoDB::Table T" unresolved="region \"mars-north-1\" (samconfig.toml [default]) is not an AWS region noticevet knows"
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, err := read(t, tt.files)
			if err != nil {
				t.Fatal(err)
			}
			if got := show(found.Evidence); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			// Every template is named as read, and the SAM configuration
			// when it is what placed the stack.
			for name := range tt.files {
				if strings.Contains(name, "samconfig") && !strings.Contains(tt.want, "via=\"samconfig") {
					continue
				}
				if strings.Contains(tt.want, "via=\""+path.Base(name)) && !slices.Contains(found.Read, name) ||
					!strings.Contains(name, "samconfig") && !slices.Contains(found.Read, name) {
					t.Errorf("Read %v does not name %s", found.Read, name)
				}
			}
		})
	}
}

// TestByStore: a replication destination defined elsewhere is evidence
// the check places by the bucket's name, even when the stack's region
// (and so its partition) is not known.
func TestByStore(t *testing.T) {
	found, err := read(t, map[string]string{"cloudformation/s3.yaml": `Resources:
  Media:
    Type: AWS::S3::Bucket
    Properties:
      ReplicationConfiguration:
        Rules:
          - Destination: {Bucket: "arn:aws:s3:::media-eu"}
`, "infra/s3.yaml": `Resources:
  Media:
    Type: AWS::S3::Bucket
    Properties:
      ReplicationConfiguration:
        Rules:
          - Destination: {Bucket: !Sub "arn:${AWS::Partition}:s3:::media-dr"}
`})
	if err != nil {
		t.Fatal(err)
	}
	want := `cloudformation/s3.yaml:7:27 "AWS::S3::Bucket Media replica" via="replica of AWS::S3::Bucket Media" replica unresolved="the destination bucket media-eu is not defined in the repository, so its region is not known" store=s3-bucket/media-eu
infra/s3.yaml:7:27 "AWS::S3::Bucket Media replica" via="replica of AWS::S3::Bucket Media" replica unresolved="the destination bucket media-dr is not defined in the repository, so its region is not known" store=s3-bucket/media-dr
`
	if got := show(found.ByStore); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestLookAlikes: YAML and JSON files that mention AWS:: or have a
// Resources key but are not templates give nothing and are not read.
func TestLookAlikes(t *testing.T) {
	files := map[string]string{
		"k8s/deploy.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, annotations: {note: "reads AWS::DynamoDB::Table users"}}
spec: {template: {spec: {containers: [{name: api, image: api}]}}}
`,
		"k8s/list.yaml": "apiVersion: v1\nkind: List\nResources:\n  T:\n    Type: AWS::S3::Bucket\n",
		"compose.yaml":  "services:\n  db:\n    image: amazon/dynamodb-local\n    labels: [\"AWS::DynamoDB::Table\"]\n",
		"api/openapi.yaml": `openapi: 3.0.0
info: {title: t, version: "1"}
paths: {}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
`,
		"ci/workflow.yml":  "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws cloudformation deploy --template-file t.yaml # AWS::Serverless\n",
		"docs/types.json":  `{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}, "Notes": "a list of types"}`,
		"policy.json":      `{"Version": "2012-10-17", "Statement": [{"Resource": "arn:aws:s3:::b", "Condition": {"StringEquals": {"aws:RequestedRegion": "AWS::Region"}}}]}`,
		"tests/stack.yaml": "Resources:\n  B:\n    Type: AWS::S3::Bucket\n",
		"serverless.yml":   "service: api\nprovider: {name: aws}\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n",
		"extra-key.yaml":   "Resources:\n  B:\n    Type: AWS::S3::Bucket\nspec: {replicas: 2}\n",
		"untyped.yaml":     "Resources:\n  B:\n    Type: AWS::S3::Bucket\n  C: {Properties: {}}\n",
		"empty.yaml":       "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n",
		"two-docs.yaml":    "Resources:\n  B:\n    Type: AWS::S3::Bucket\n---\nResources: {}\n",
		"data.json":        "\x1f\x8b compressed AWS::",
	}
	found, err := read(t, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Evidence) != 0 || len(found.ByStore) != 0 || len(found.Read) != 0 {
		t.Errorf("look-alikes gave evidence %s or were read: %v", show(found.Evidence), found.Read)
	}
}

// TestErrors: a template that does not parse, or that a bound stops, is
// one diagnostic naming the file and line.
func TestErrors(t *testing.T) {
	// Ten levels of ten aliases each: 10^10 values once expanded.
	var b strings.Builder
	b.WriteString("AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  P0:\n    Default: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "  P%d:\n    Default: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	b.WriteString("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Join [\"\", !Ref P9]\n")
	laughs := b.String()
	tests := []struct {
		name, file, src, want string
	}{
		{"YAML syntax", "cloudformation/t.yaml", "AWSTemplateFormatVersion: x\nResources:\n  A: [\n", "cloudformation/t.yaml:3: did not find expected node content"},
		{"JSON syntax, with column", "cloudformation/t.json", "{\"Resources\": {\"AWS::\": 1,}}", "cloudformation/t.json:1:27: invalid character '}' looking for beginning of object key string"},
		{"nesting", "cloudformation/t.yaml", "Resources: " + strings.Repeat("[", 300) + "AWS::", "cloudformation/t.yaml:1: nested more than 200 levels deep"},
		{"billion laughs", "cloudformation/t.yaml", laughs, "cloudformation/t.yaml:"},
		{"bad samconfig.toml", "sam/template.yaml", "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n", "sam/samconfig.toml:2:9: toml: expected '=' after key"},
	}
	// The same aliases in a samconfig.yaml: go-yaml's own bound on what a
	// decode expands stops them.
	var sb strings.Builder
	sb.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&sb, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	sb.WriteString("default: {deploy: {parameters: {region: eu-west-1}}}\n")
	tests = append(tests, struct{ name, file, src, want string }{"billion laughs in samconfig.yaml", "sam2/template.yaml",
		"Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n", "sam2/samconfig.yaml:1: document contains excessive aliasing"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{tt.file: tt.src}
			if strings.HasPrefix(tt.file, "sam2/") {
				files["sam2/samconfig.yaml"] = sb.String()
			}
			if strings.HasPrefix(tt.file, "sam/") {
				files["sam/samconfig.toml"] = "[default]\nregion  \"x\"\n"
			}
			_, err := read(t, files)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if tt.name == "billion laughs" && !strings.Contains(err.Error(), "expands to more than") {
				t.Errorf("error %v, want the expansion bound", err)
			}
		})
	}
}

// TestNotes: what is not read is said, and the rest of the template is
// read.
func TestNotes(t *testing.T) {
	found, err := read(t, map[string]string{
		"cloudformation/loop.yaml": `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Tables:
    - Name
    - [a, b]
    - ${Name}Table:
        Type: AWS::DynamoDB::Table
  Log:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: app
`,
		"jinja/stack.yaml":  "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: {{ bucket }}-{{ env }}\n",
		"notes/broken.yaml": "a: b\n# lists AWS::S3::Bucket\nc: d: e\n",
		"cloudformation/db.yaml": "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n" +
			"      MasterUserPassword: '{{resolve:secretsmanager:db:SecretString:password}}'\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, n := range found.Notes {
		notes = append(notes, n.Error())
	}
	want := []string{
		"cloudformation/loop.yaml:3: not read: Fn::ForEach::Tables (the resources a loop makes are not expanded)",
		"jinja/stack.yaml:5: not read as a CloudFormation template: a template ({{ … }}), which is YAML or JSON only once rendered",
		"notes/broken.yaml:3: not read as a CloudFormation template: it mentions AWS:: but does not parse",
	}
	if strings.Join(notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	wantEv := `cloudformation/db.yaml:2:3 "AWS::RDS::DBInstance Db" JP region=ap-northeast-1 via="deploy \"cloudformation/**\""
cloudformation/loop.yaml:8:3 "AWS::Logs::LogGroup Log" JP region=ap-northeast-1 via="deploy \"cloudformation/**\"" store=cloudwatch-log-group/app
`
	if got := show(found.Evidence); got != wantEv {
		t.Errorf("got\n%s\nwant\n%s", got, wantEv)
	}
}
