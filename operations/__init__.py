"""What running the archive in production needs: health check, start-up checks, client
addresses behind a proxy, login throttling and the HTTP methods refused."""
