// Package fcm is a stub of google.golang.org/api/fcm/v1.
package fcm

import (
	"context"

	"google.golang.org/api/option"
)

type Notification struct{ Title, Body string }

type Message struct {
	Token        string
	Topic        string
	Notification *Notification
	Data         map[string]string
}

type SendMessageRequest struct {
	Message      *Message
	ValidateOnly bool
}

type Service struct{ Projects *ProjectsService }

type ProjectsService struct{ Messages *ProjectsMessagesService }

type ProjectsMessagesService struct{ s *Service }

func NewService(ctx context.Context, opts ...option.ClientOption) (*Service, error) {
	s := &Service{}
	s.Projects = &ProjectsService{Messages: &ProjectsMessagesService{s: s}}
	return s, nil
}

type ProjectsMessagesSendCall struct {
	parent string
	req    *SendMessageRequest
}

func (r *ProjectsMessagesService) Send(parent string, sendmessagerequest *SendMessageRequest) *ProjectsMessagesSendCall {
	return &ProjectsMessagesSendCall{parent: parent, req: sendmessagerequest}
}

func (c *ProjectsMessagesSendCall) Do() (*Message, error) { return &Message{}, nil }
