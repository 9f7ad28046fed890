package authsvc

import (
	"context"
	"net/http"
)

// The service and the generated client in one package (as lakeFS'
// pkg/auth): the service's call through the generated interface is the
// site, once, and the generated code is none.
type APIAuthService struct {
	apiClient ClientWithResponsesInterface
}

func NewAPIAuthService(apiEndpoint string) (*APIAuthService, error) {
	client, err := NewClientWithResponses(apiEndpoint, WithHTTPClient(&http.Client{}))
	if err != nil {
		return nil, err
	}
	return &APIAuthService{apiClient: client}, nil
}

// The constructor's caller in this package places the call; callers in
// other packages that pass another endpoint are sites of their own, so
// no second note names the parameter here.
func (a *APIAuthService) InviteUser(ctx context.Context, email string) error {
	_, err := a.apiClient.CreateUserWithResponse(ctx, CreateUserJSONRequestBody{Email: &email, Username: email}) // want `^authsvc.ClientWithResponsesInterface.CreateUserWithResponse to auth.example.sg sends personal data to Singapore`
	return err
}
