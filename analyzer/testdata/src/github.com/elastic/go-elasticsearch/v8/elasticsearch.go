// Package elasticsearch is a stub of github.com/elastic/go-elasticsearch/v8.
package elasticsearch

import (
	"net/http"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

type Config struct {
	Addresses []string
	CloudID   string
	APIKey    string
}

type BaseClient struct{ addresses []string }

func (c *BaseClient) Perform(req *http.Request) (*http.Response, error) { return nil, nil }

type Client struct {
	BaseClient
	*esapi.API
}

func NewClient(cfg Config) (*Client, error) { return &Client{API: &esapi.API{}}, nil }

func NewDefaultClient() (*Client, error) { return &Client{API: &esapi.API{}}, nil }
