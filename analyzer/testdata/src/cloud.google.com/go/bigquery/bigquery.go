// Package bigquery is a stub of cloud.google.com/go/bigquery.
package bigquery

import (
	"context"

	"google.golang.org/api/option"
)

type Client struct{ Location string }

func NewClient(ctx context.Context, projectID string, opts ...option.ClientOption) (*Client, error) {
	return &Client{}, nil
}

type Dataset struct{}

type DatasetMetadata struct{ Location string }

func (c *Client) Dataset(id string) *Dataset { return &Dataset{} }

func (d *Dataset) Create(ctx context.Context, md *DatasetMetadata) error { return nil }

type Table struct{}

func (d *Dataset) Table(id string) *Table { return &Table{} }

type Inserter struct{}

func (t *Table) Inserter() *Inserter { return &Inserter{} }

func (i *Inserter) Put(ctx context.Context, src any) error { return nil }
