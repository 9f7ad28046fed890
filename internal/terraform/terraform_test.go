package terraform

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/config"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/place"
	"github.com/noticevet/noticevet/internal/testfs"
)

// places is the entity configuration the tests use.
// places places like a configuration with two entities.
type places struct{}

var testPlaces = func() *place.Placer {
	cfg, err := config.Parse("test.hcl", []byte(`
entity "shanghai-contractor" {
  country      = "CN"
  aws_accounts = ["222233334444"]
  cidrs        = ["198.51.100.0/24"]
}
entity "tokyo-ops" {
  country      = "JP"
  aws_accounts = ["555566667777"]
}
`))
	if err != nil {
		panic(err)
	}
	return place.New(cfg)
}()

func (places) Host(h string) evidence.Place       { return testPlaces.Host(h) }
func (places) Region(p, l string) evidence.Place  { return testPlaces.Region(p, l) }
func (places) Account(id string) evidence.Place   { return testPlaces.Account(id) }
func (places) CIDR(p netip.Prefix) evidence.Place { return testPlaces.CIDR(p) }

// show writes one Evidence on one line, every field included:
//
//	path:line:col kind what [replica] -> COUNTRY region | ?? unresolved  via VIA  in INSTANCES
func show(e evidence.Evidence) string {
	s := fmt.Sprintf("%s %s %s", e.Pos, e.Kind, e.What)
	if e.Replica {
		s += " [replica]"
	}
	if e.Unresolved != "" {
		s += " ?? " + e.Unresolved
		if e.Country != "" {
			s += " !! country " + e.Country
		}
	} else {
		s += " -> " + e.Country
		if e.Region != "" {
			s += " " + e.Region
		}
	}
	if e.Via != "" {
		s += "  via " + e.Via
	}
	if len(e.Instances) > 0 {
		s += "  in " + strings.Join(e.Instances, ", ")
	}
	return s
}

// writeTree writes files (path → content) under dir; a leading newline
// of a content (the one after a backquote) is dropped.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	trimmed := make(map[string]string, len(files))
	for name, content := range files {
		trimmed[name] = strings.TrimPrefix(content, "\n")
	}
	testfs.Write(t, dir, trimmed)
}

type readCase struct {
	name   string
	files  map[string]string
	places evidence.Placer
	want   []string
	// show formats a piece of evidence for want; nil means show.
	show func(evidence.Evidence) string
}

func runCases(t *testing.T, cases []readCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tc.files)
			ev, err := Read(dir, Options{Places: tc.places})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			format := tc.show
			if format == nil {
				format = show
			}
			got := make([]string, len(ev))
			for i, e := range ev {
				got[i] = format(e)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("evidence:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestAWSRegions(t *testing.T) {
	runCases(t, []readCase{
		{
			name: "default provider",
			files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
resource "aws_s3_bucket" "media" {
  bucket = "media"
}
`},
			want: []string{"main.tf:4:1 store aws_s3_bucket.media -> JP ap-northeast-1  via provider aws"},
		},
		{
			name: "alias",
			files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}
resource "aws_s3_bucket" "media" {
  provider = aws.seoul
}
`},
			want: []string{"main.tf:9:3 store aws_s3_bucket.media -> KR ap-northeast-2  via provider aws.seoul"},
		},
		{
			name: "resource-level region wins over the provider",
			files: map[string]string{"main.tf": `
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}
resource "aws_dynamodb_table" "users" {
  provider = aws.seoul
  region   = "us-east-1"
}
`},
			want: []string{"main.tf:7:3 store aws_dynamodb_table.users -> US us-east-1  via resource region"},
		},
		{
			name: "provider without region",
			files: map[string]string{"main.tf": `
provider "aws" {}
resource "aws_sqs_queue" "q" {}
`},
			want: []string{"main.tf:2:1 store aws_sqs_queue.q ?? region comes from the environment: provider aws sets no region"},
		},
		{
			name: "no provider block",
			files: map[string]string{"main.tf": `
resource "aws_sqs_queue" "q" {}
`},
			want: []string{`main.tf:1:1 store aws_sqs_queue.q ?? region comes from the environment: there is no provider "aws" block`},
		},
		{
			name: "variable without a value",
			files: map[string]string{"main.tf": `
variable "region" {}
provider "aws" {
  region = var.region
}
resource "aws_db_instance" "db" {}
`},
			want: []string{"main.tf:5:1 store aws_db_instance.db ?? region comes from var.region, which has no value"},
		},
		{
			name: "data aws_region",
			files: map[string]string{"main.tf": `
provider "aws" {
  alias  = "seoul"
  region = "ap-northeast-2"
}
data "aws_region" "current" {
  provider = aws.seoul
}
resource "aws_kinesis_stream" "events" {
  region = data.aws_region.current.name
}
resource "aws_cloudwatch_log_group" "logs" {
  region = data.aws_region.current.region
}
`},
			want: []string{
				"main.tf:9:3 store aws_kinesis_stream.events -> KR ap-northeast-2  via resource region",
				"main.tf:12:3 store aws_cloudwatch_log_group.logs -> KR ap-northeast-2  via resource region",
			},
		},
		{
			name: "other data sources are unresolved",
			files: map[string]string{"main.tf": `
data "aws_ssm_parameter" "region" {
  name = "/app/region"
}
resource "aws_s3_bucket" "b" {
  region = data.aws_ssm_parameter.region.value
}
`},
			want: []string{"main.tf:5:3 store aws_s3_bucket.b ?? region comes from data.aws_ssm_parameter.region.value, which is read from the cloud when Terraform runs"},
		},
		{
			name: "unknown region id",
			files: map[string]string{"main.tf": `
resource "aws_s3_bucket" "b" {
  region = "mars-north-1"
}
`},
			want: []string{`main.tf:2:3 store aws_s3_bucket.b ?? region "mars-north-1" is not a aws location with a known country`},
		},
		{
			name: "look-alikes give nothing",
			files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-2"
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_s3_bucket" "gone" {
  count = 0
}
resource "aws_iam_role" "svc" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
resource "aws_security_group" "web" {
  ingress {
    cidr_blocks      = ["0.0.0.0/0", "10.0.0.0/8", "172.16.5.0/24", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.1/32", "169.254.169.254/32"]
    ipv6_cidr_blocks = ["::/0", "fd00::/8"]
  }
}
`},
			want: nil,
		},
		{
			name: "count and for_each",
			files: map[string]string{"main.tf": `
variable "regions" {
  default = ["ap-northeast-1", "ap-northeast-2"]
}
resource "aws_s3_bucket" "counted" {
  count  = length(var.regions)
  region = var.regions[count.index]
}
resource "aws_s3_bucket" "keyed" {
  for_each = toset(["eu-west-1", "eu-west-3"])
  region   = each.key
}
resource "aws_s3_bucket" "none" {
  for_each = {}
}
`},
			want: []string{
				"main.tf:6:3 store aws_s3_bucket.counted -> JP ap-northeast-1  via resource region",
				"main.tf:6:3 store aws_s3_bucket.counted -> KR ap-northeast-2  via resource region",
				"main.tf:10:3 store aws_s3_bucket.keyed -> FR eu-west-3  via resource region",
				"main.tf:10:3 store aws_s3_bucket.keyed -> IE eu-west-1  via resource region",
			},
		},
	})
}
