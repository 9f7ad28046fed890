package authsvc

// Start binds the service to its auth server.
func Start() (*APIAuthService, error) {
	return NewAPIAuthService("https://auth.example.sg")
}
