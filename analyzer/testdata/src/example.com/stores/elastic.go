package stores

import (
	"context"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/olivere/elastic/v7"
)

// go-elasticsearch: the Addresses of the Config; Index is a function field
// of the client.
func esIndex(u User) {
	es, _ := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{"https://search.example.de:9200"}})
	es.Index("users", strings.NewReader(u.Email)) // want `^esapi.Index to search.example.de stores personal data in Germany`
}

// An Elastic Cloud deployment's host names its cloud region.
func esCloud(u User) {
	es, _ := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{"https://my-deployment.es.eu-central-1.aws.elastic-cloud.com"}})
	es.Bulk(strings.NewReader(u.Email)) // want `^esapi.Bulk to my-deployment.es.eu-central-1.aws.elastic-cloud.com stores personal data in Germany`
}

// A Cloud ID names the deployment's host: base64 of
// "europe-west3.gcp.cloud.es.io$abc123$def456" is abc123.europe-west3.gcp.cloud.es.io.
func esCloudID(u User) {
	es, _ := elasticsearch.NewClient(elasticsearch.Config{CloudID: "my-deployment:ZXVyb3BlLXdlc3QzLmdjcC5jbG91ZC5lcy5pbyRhYmMxMjMkZGVmNDU2"})
	es.Create("users", "1", strings.NewReader(u.Email)) // want `^esapi.Create to abc123.europe-west3.gcp.cloud.es.io stores personal data in Germany \(europe-west3\)`
}

// olivere/elastic: SetURL names the cluster; the index service's Do sends
// the document it was given.
func olivereIndex(ctx context.Context, u User) {
	c, _ := elastic.NewClient(elastic.SetURL("https://c1.europe-west3.gcp.cloud.es.io:9243"))
	c.Index().Index("users").BodyJson(u).Do(ctx) // want `^elastic.IndexService.Do to c1.europe-west3.gcp.cloud.es.io stores personal data in Germany`
}
