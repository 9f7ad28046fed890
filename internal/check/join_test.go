package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

func TestPlaceByStore(t *testing.T) {
	bucket := evidence.StoreRef{Type: "s3-bucket", Name: "media"}
	table := evidence.StoreRef{Type: "dynamodb-table", Name: "sessions"}
	pos := func(path string, line int) evidence.Pos { return evidence.Pos{Path: path, Line: line, Column: 1} }
	tf := []evidence.Evidence{
		{Kind: evidence.Store, What: "aws_s3_bucket.media", Country: "KR", Region: "ap-northeast-2", Stores: []evidence.StoreRef{bucket}, Pos: pos("infra/s3.tf", 3)},
		// The same bucket name in a second account and region: both count.
		{Kind: evidence.Store, What: "aws_s3_bucket.media_us", Country: "US", Region: "us-east-1", Stores: []evidence.StoreRef{bucket}, Pos: pos("infra/s3.tf", 9)},
		// A replica is where replication copies the data, not where a
		// write by name lands.
		{Kind: evidence.Store, What: "aws_dynamodb_table.sessions replica", Country: "SG", Replica: true, Stores: []evidence.StoreRef{table}, Pos: pos("infra/db.tf", 8)},
		{Kind: evidence.Store, What: "aws_dynamodb_table.sessions", Country: "KR", Region: "ap-northeast-2", Stores: []evidence.StoreRef{table}, Pos: pos("infra/db.tf", 2)},
		// Unplaced Terraform places nothing.
		{Kind: evidence.Store, What: "aws_s3_bucket.logs", Unresolved: "region comes from var.region", Stores: []evidence.StoreRef{{Type: "s3-bucket", Name: "logs"}}, Pos: pos("infra/s3.tf", 20)},
	}
	goEv := []evidence.Evidence{
		// Unresolved, names a bucket Terraform places in two countries.
		{Kind: evidence.Store, What: "s3.Client.PutObject to bucket media", Unresolved: "region from the environment", Stores: []evidence.StoreRef{bucket}, Pos: pos("app/a.go", 10)},
		// Placed by its client's region, but a bucket is where it is;
		// placed in two countries by the code, it is placed once.
		{Kind: evidence.Store, What: "s3.Client.PutObject to bucket media", Country: "JP", Region: "ap-northeast-1", Stores: []evidence.StoreRef{bucket}, Pos: pos("app/a.go", 20)},
		{Kind: evidence.Store, What: "s3.Client.PutObject to bucket media", Country: "SG", Region: "ap-southeast-1", Stores: []evidence.StoreRef{bucket}, Pos: pos("app/a.go", 20)},
		// A table name holds in one region: the code's region stands.
		{Kind: evidence.Store, What: "dynamodb.Client.PutItem to table sessions", Country: "JP", Region: "ap-northeast-1", Stores: []evidence.StoreRef{table}, Pos: pos("app/a.go", 30)},
		// Unresolved table: Terraform places it, not its replica.
		{Kind: evidence.Store, What: "dynamodb.Client.PutItem to table sessions", Unresolved: "region from the environment", Stores: []evidence.StoreRef{table}, Pos: pos("app/a.go", 40)},
		// Look-alikes: a bucket of another name, of another type with the
		// same name, a bucket Terraform cannot place, and no name at all.
		{Kind: evidence.Store, What: "s3.Client.PutObject to bucket other", Unresolved: "u", Stores: []evidence.StoreRef{{Type: "s3-bucket", Name: "other"}}, Pos: pos("app/a.go", 50)},
		{Kind: evidence.Store, What: "storage.Client.Bucket to bucket media", Unresolved: "u", Stores: []evidence.StoreRef{{Type: "gcs-bucket", Name: "media"}}, Pos: pos("app/a.go", 60)},
		{Kind: evidence.Store, What: "s3.Client.PutObject to bucket logs", Unresolved: "u", Stores: []evidence.StoreRef{{Type: "s3-bucket", Name: "logs"}}, Pos: pos("app/a.go", 70)},
		{Kind: evidence.Send, What: "http.Post", Unresolved: "u", Pos: pos("app/a.go", 80)},
	}
	var got []string
	for _, e := range placeByStore(tf, goEv) {
		got = append(got, fmt.Sprintf("%d %s %q %s %s", e.Pos.Line, e.Country, e.Unresolved, e.Region, e.Defined))
	}
	want := []string{
		`10 KR "" ap-northeast-2 aws_s3_bucket.media at infra/s3.tf:3`,
		`10 US "" us-east-1 aws_s3_bucket.media_us at infra/s3.tf:9`,
		`20 KR "" ap-northeast-2 aws_s3_bucket.media at infra/s3.tf:3`,
		`20 US "" us-east-1 aws_s3_bucket.media_us at infra/s3.tf:9`,
		`30 JP "" ap-northeast-1 `,
		`40 KR "" ap-northeast-2 aws_dynamodb_table.sessions at infra/db.tf:2`,
		`50  "u"  `,
		`60  "u"  `,
		`70  "u"  `,
		`80  "u"  `,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
