package gcp

import (
	"context"
	"encoding/json"

	aiplatform "cloud.google.com/go/aiplatform/apiv1"
	"cloud.google.com/go/bigquery"
	"cloud.google.com/go/storage"
	"google.golang.org/api/option"
)

type Patient struct {
	Name      string
	BirthDate string
}

type Event struct {
	Kind  string
	Count int
}

func setup(ctx context.Context, client *storage.Client, bq *bigquery.Client) {
	client.Bucket("records-kr").Create(ctx, "proj", &storage.BucketAttrs{Location: "asia-northeast3"})
	client.Bucket("records-us").Create(ctx, "proj", nil)
	bq.Dataset("analytics").Create(ctx, &bigquery.DatasetMetadata{Location: "europe-west1"})
}

func writeBucket(ctx context.Context, client *storage.Client, p Patient) {
	w := client.Bucket("records-kr").Object("p.json").NewWriter(ctx)
	defer w.Close()
	json.NewEncoder(w).Encode(p) // want `^json.Encoder.Encode to bucket records-kr stores personal data in South Korea \(asia-northeast3\), but PRIVACY.md:4 says it is stored only in Japan \[false-claim\]$`
}

func defaultLocation(ctx context.Context, client *storage.Client, p Patient) {
	w := client.Bucket("records-us").Object("p").NewWriter(ctx)
	w.Write([]byte(p.Name)) // want `storage.Writer.Write to bucket records-us stores personal data in the United States \(US\)`
}

func unknownBucket(ctx context.Context, client *storage.Client, p Patient) {
	w := client.Bucket("legacy").Object("p").NewWriter(ctx)
	w.Write([]byte(p.Name)) // want `cannot decide where it stores personal data: bucket "legacy" is not created in this package: its location is unknown`
}

func dataset(ctx context.Context, bq *bigquery.Client, p Patient) {
	bq.Dataset("analytics").Table("visits").Inserter().Put(ctx, []Patient{p}) // want `bigquery.Inserter.Put to dataset analytics stores personal data in Belgium \(europe-west1\)`
}

func vertex(ctx context.Context, p Patient) {
	client, _ := aiplatform.NewPredictionClient(ctx, option.WithEndpoint("europe-west4-aiplatform.googleapis.com:443"))
	client.Predict(ctx, &aiplatform.PredictRequest{Instances: []any{p}}) // want `aiplatform.PredictionClient.Predict to europe-west4-aiplatform.googleapis.com sends personal data to the Netherlands \(europe-west4\)`
}

func globalEndpoint(ctx context.Context, p Patient) {
	client, _ := aiplatform.NewPredictionClient(ctx)
	client.Predict(ctx, &aiplatform.PredictRequest{Instances: []any{p}}) // want `cannot decide where it sends personal data: the aiplatform client uses Google's global endpoint`
}

// Look-alike: no personal data.
func events(ctx context.Context, bq *bigquery.Client, e Event) {
	bq.Dataset("analytics").Table("events").Inserter().Put(ctx, []Event{e})
}
