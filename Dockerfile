# The image for web, worker and beat (docker-compose.yml). Python 3.11, as the quick start.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml scripts/requirements.py ./
RUN python requirements.py > requirements.txt && pip install --no-cache-dir -r requirements.txt
COPY . .
RUN useradd --system --home /app landa && mkdir -p /var/lib/celery && chown -R landa /app /var/lib/celery
USER landa
EXPOSE 8000
