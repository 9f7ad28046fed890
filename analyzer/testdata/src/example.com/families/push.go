package families

import (
	"context"

	"firebase.google.com/go/v4/messaging"
	webpush "github.com/SherClockHolmes/webpush-go"
	fcm "google.golang.org/api/fcm/v1"

	"example.com/families/lookalike"
)

// Web Push: the subscription's endpoint is the browser vendor's push
// service, and the push is one user's whatever it says.
func pushWeb(u User) {
	sub := &webpush.Subscription{Endpoint: "https://fcm.googleapis.com/fcm/send/abc123"}
	webpush.SendNotification([]byte("New photo"), sub, &webpush.Options{TTL: 30}) // want `^webpush.SendNotification to fcm.googleapis.com`
}

// The endpoint the browser gave, kept with the user: a note naming it.
func pushWebTo(u User) {
	sub := &webpush.Subscription{Endpoint: u.PushURL}
	webpush.SendNotification([]byte("New photo"), sub, nil) // want `^webpush.SendNotification: cannot decide where it sends personal data`
}

// FCM: a multicast to users' registration tokens.
func pushMany(ctx context.Context, c *messaging.Client, users []User) {
	var tokens []string
	for _, u := range users {
		tokens = append(tokens, u.PushToken)
	}
	c.SendEachForMulticast(ctx, &messaging.MulticastMessage{Tokens: tokens, Notification: &messaging.Notification{Title: "Hi"}}) // want `^messaging.Client.SendEachForMulticast to fcm.googleapis.com`
}

// A same-named function of another import path is no site.
func pushLocal(u User) {
	lookalike.SendNotification([]byte("New photo"), u.PushURL)
}

// FCM topics: the users' registration tokens subscribed to a topic go to
// the Instance ID API.
func subscribe(ctx context.Context, c *messaging.Client, users []User) {
	var tokens []string
	for _, u := range users {
		tokens = append(tokens, u.PushToken)
	}
	c.SubscribeToTopic(ctx, tokens, "news") // want `^messaging.Client.SubscribeToTopic to iid.googleapis.com`
}

// The FCM HTTP v1 API through Google's generated client: a message to a
// user's registration token.
func pushV1(ctx context.Context, u User) {
	s, _ := fcm.NewService(ctx)
	req := &fcm.SendMessageRequest{Message: &fcm.Message{Token: u.PushToken, Notification: &fcm.Notification{Title: "Hi"}}}
	s.Projects.Messages.Send("projects/app", req).Do() // want `^fcm.ProjectsMessagesSendCall.Do to fcm.googleapis.com`
}
