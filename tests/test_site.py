import pytest

pytestmark = pytest.mark.django_db


def test_home_page_answers(client):
    assert client.get("/").status_code == 200


def test_admin_answers_with_its_login_page(client):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert "Log in" in response.content.decode()
