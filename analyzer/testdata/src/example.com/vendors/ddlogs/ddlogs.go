// Package ddlogs sends logs to Datadog's API. The site is a server
// variable of the request's context or the DD_SITE environment variable,
// neither of which is read: the destination is not decided.
package ddlogs

import (
	"context"

	"github.com/DataDog/datadog-api-client-go/v2/api/datadog"
	"github.com/DataDog/datadog-api-client-go/v2/api/datadogV2"
)

type User struct{ Email string }

func logSignup(u User) {
	ctx := context.WithValue(context.Background(), datadog.ContextServerVariables, map[string]string{"site": "datadoghq.eu"})
	api := datadogV2.NewLogsApi(datadog.NewAPIClient(datadog.NewConfiguration()))
	api.SubmitLog(ctx, []datadogV2.HTTPLogItem{{Message: "signup " + u.Email}}) // want `^datadogV2.LogsApi.SubmitLog: cannot decide where it sends personal data: the Datadog host is not set in this call`
}

func logSignupDefault(u User) {
	ctx := datadog.NewDefaultContext(context.Background())
	api := datadogV2.NewLogsApi(datadog.NewAPIClient(datadog.NewConfiguration()))
	api.SubmitLog(ctx, []datadogV2.HTTPLogItem{{Message: "signup " + u.Email}}) // want `^datadogV2.LogsApi.SubmitLog: cannot decide where it sends personal data: the Datadog host is not set in this call`
}

// A log line with nothing personal in it is no export.
func logStartup() {
	api := datadogV2.NewLogsApi(datadog.NewAPIClient(datadog.NewConfiguration()))
	api.SubmitLog(context.Background(), []datadogV2.HTTPLogItem{{Message: "started"}})
}
