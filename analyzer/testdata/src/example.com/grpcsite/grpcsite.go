package grpcsite

import (
	"context"

	"example.com/grpcsite/pb"
	"google.golang.org/grpc"
)

type User struct {
	Email string
	Name  string
}

func upload(ctx context.Context, u User) error {
	conn, err := grpc.NewClient("profile.partner.cn:443", grpc.WithInsecure())
	if err != nil {
		return err
	}
	defer conn.Close()
	client := pb.NewProfileServiceClient(conn)
	_, err = client.Upload(ctx, &pb.UploadRequest{Email: u.Email, Name: u.Name}) // want `^pb.ProfileServiceClient.Upload to profile.partner.cn sends personal data to China \(country-code TLD .cn\), but PRIVACY.md:6 says it is not transferred outside Japan \[false-claim\]$`
	return err
}

func invoke(ctx context.Context, u User) error {
	conn, _ := grpc.Dial("dns:///sync.example.kr:443")
	return conn.Invoke(ctx, "/sync.Sync/Push", &u, nil) // want `grpc.ClientConn.Invoke to sync.example.kr sends personal data to South Korea`
}

func dialContext(ctx context.Context, u User) {
	conn, _ := grpc.DialContext(ctx, "ingest.example.de:443")
	pb.NewProfileServiceClient(conn).Upload(ctx, &pb.UploadRequest{Email: u.Email}) // want `pb.ProfileServiceClient.Upload to ingest.example.de sends personal data to Germany`
}

// Look-alikes.

func ping(ctx context.Context) {
	conn, _ := grpc.NewClient("profile.partner.cn:443")
	pb.NewProfileServiceClient(conn).Ping(ctx, &pb.PingRequest{Seq: 1})
}

func domestic(ctx context.Context, u User) {
	conn, _ := grpc.NewClient("profile.example.jp:443")
	pb.NewProfileServiceClient(conn).Upload(ctx, &pb.UploadRequest{Email: u.Email})
}

func unixSocket(ctx context.Context, u User) {
	conn, _ := grpc.NewClient("unix:///var/run/agent.sock")
	pb.NewProfileServiceClient(conn).Upload(ctx, &pb.UploadRequest{Email: u.Email})
}
