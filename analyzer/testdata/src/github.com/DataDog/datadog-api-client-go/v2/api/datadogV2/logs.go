// Package datadogV2 is a stub of github.com/DataDog/datadog-api-client-go/v2/api/datadogV2.
package datadogV2

import (
	"context"
	"net/http"

	"github.com/DataDog/datadog-api-client-go/v2/api/datadog"
)

type HTTPLogItem struct {
	Message string
	Service *string
}

type SubmitLogOptionalParameters struct{}

type LogsApi struct{ Client *datadog.APIClient }

func NewLogsApi(client *datadog.APIClient) *LogsApi { return &LogsApi{Client: client} }

func (a *LogsApi) SubmitLog(ctx context.Context, body []HTTPLogItem, o ...SubmitLogOptionalParameters) (interface{}, *http.Response, error) {
	return nil, nil, nil
}
