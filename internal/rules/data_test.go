package rules

import (
	"reflect"
	"strings"
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/notices"
)

func limited(c notices.Claim, kinds ...string) notices.Claim { c.Data = kinds; return c }

// TestDataKinds: a statement limited to one kind of data is not
// contradicted by a store whose names say it holds another kind; a store
// whose names say nothing may hold anything.
func TestDataKinds(t *testing.T) {
	paymentsOnlyJP := limited(claim(3, notices.Storage, notices.Exclusive, "JP"), "payment")
	mediaMayKR := limited(claim(5, notices.Storage, notices.Inclusive, "KR"), "media")
	allOnlyJP := claim(7, notices.Storage, notices.Exclusive, "JP")
	media := ev(10, evidence.Store, "aws_s3_bucket.media", "KR", "ap-northeast-2")
	payments := ev(20, evidence.Store, "aws_db_instance.payments", "KR", "ap-northeast-2")
	generic := ev(30, evidence.Store, "aws_s3_bucket.main", "KR", "ap-northeast-2")
	photosUS := ev(40, evidence.Store, "aws_s3_bucket.userPhotos", "US", "us-east-1")
	viaModule := ev(50, evidence.Store, "aws_s3_bucket.this", "KR", "ap-northeast-2")
	viaModule.Instances = []string{`module.thumbnails["kr"]`}
	viaStore := ev(60, evidence.Send, "s3.Client.PutObject to bucket prod-avatars", "KR", "ap-northeast-2")
	viaStore.Stores = []evidence.StoreRef{{Type: "s3-bucket", Name: "prod-avatars"}}
	for _, tc := range []struct {
		name   string
		claims []notices.Claim
		ev     []evidence.Evidence
		want   []string
	}{
		{"media is not payment data", []notices.Claim{paymentsOnlyJP, mediaMayKR}, []evidence.Evidence{media, viaModule, viaStore}, nil},
		{"payment data is", []notices.Claim{paymentsOnlyJP, mediaMayKR}, []evidence.Evidence{payments}, []string{"infra/main.tf:20 false-claim KR @3"}},
		{"a name that says nothing may hold payment data", []notices.Claim{paymentsOnlyJP, mediaMayKR}, []evidence.Evidence{generic}, []string{"infra/main.tf:30 false-claim KR @3"}},
		{"media in a country never named", []notices.Claim{paymentsOnlyJP, mediaMayKR}, []evidence.Evidence{photosUS}, []string{"infra/main.tf:40 undisclosed-country US"}},
		{"a statement of all data speaks of media", []notices.Claim{allOnlyJP, mediaMayKR}, []evidence.Evidence{media}, []string{"infra/main.tf:10 false-claim KR @7"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if g := got(Check(Input{Claims: tc.claims, Evidence: tc.ev, Home: "JP"})); !reflect.DeepEqual(g, tc.want) {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
	fs := Check(Input{Claims: []notices.Claim{paymentsOnlyJP}, Evidence: []evidence.Evidence{payments}, Home: "JP"})
	if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, "says payment data is stored only in Japan") {
		t.Errorf("findings %+v, want one naming payment data", fs)
	}
}

func TestDataHeld(t *testing.T) {
	for what, want := range map[string][]string{
		"aws_s3_bucket.media":                   {"media"},
		"aws_s3_bucket.userPhotos":              {"media"},
		"aws_dynamodb_table.chat_messages":      {"message"},
		"aws_db_instance.billing":               {"payment"},
		"aws_s3_bucket.main":                    nil,
		"http.Post to api.example.com":          nil,
		"http.Post to payments.example.kr":      {"payment"},
		"aws_s3_bucket.gps_tracks_and_pictures": {"location", "media"},
		"aws_s3_bucket.imagery":                 nil, // whole words only
	} {
		if got := dataHeld(evidence.Evidence{What: what}); !reflect.DeepEqual(got, want) {
			t.Errorf("dataHeld(%q) = %q, want %q", what, got, want)
		}
	}
}
