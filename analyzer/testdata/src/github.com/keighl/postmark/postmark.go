// Package postmark is a stub of github.com/keighl/postmark.
package postmark

type Client struct {
	ServerToken  string
	AccountToken string
	BaseURL      string
}

func NewClient(serverToken string, accountToken string) *Client {
	return &Client{ServerToken: serverToken, AccountToken: accountToken, BaseURL: "https://api.postmarkapp.com"}
}

type Email struct {
	From     string
	To       string
	Subject  string
	TextBody string
}

type TemplatedEmail struct {
	TemplateId    int64
	TemplateModel map[string]interface{}
	From          string
	To            string
}

type EmailResponse struct{ MessageID string }

func (client *Client) SendEmail(email Email) (EmailResponse, error) { return EmailResponse{}, nil }

func (client *Client) SendTemplatedEmail(email TemplatedEmail) (EmailResponse, error) {
	return EmailResponse{}, nil
}

type Bounce struct{ Email string }

func (client *Client) GetBounces(count int64, offset int64, options map[string]string) ([]Bounce, int64, error) {
	return nil, 0, nil
}
